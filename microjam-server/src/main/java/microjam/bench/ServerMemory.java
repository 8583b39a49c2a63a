// The server's memory as it reports it on /metrics: heap in use and resident set size.
package microjam.bench;

record ServerMemory(double heapMb, double rssMb) {
    static final ServerMemory UNKNOWN = new ServerMemory(Double.NaN, Double.NaN);

    static ServerMemory parse(String prometheusText) {
        double heap = 0, rss = Double.NaN;
        boolean sawHeap = false;
        for (String line : prometheusText.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                heap += value(line);
                sawHeap = true;
            } else if (line.startsWith("process_resident_memory_bytes ")) {
                rss = value(line);
            }
        }
        return new ServerMemory(sawHeap ? heap / 1e6 : Double.NaN, rss / 1e6);
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
}
