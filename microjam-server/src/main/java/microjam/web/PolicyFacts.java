// What only the people running a server can say in its privacy policy: who they are, how to reach
// them, where the data lives and what their backups keep. Filled into policy.json's {placeholders}.
package microjam.web;

public record PolicyFacts(String operator, String contact, String dataLocation, String backups) {
    public static final PolicyFacts DEFAULT = new PolicyFacts("the people who run this MicroJam server",
            "the people who run this server (no contact address is configured here)",
            "on the machine that runs this server",
            "If the people who run this server back up its database, what you delete stays in those backups until they expire.");

    public PolicyFacts {
        for (String value : new String[]{operator, contact, dataLocation, backups})
            if (value == null || value.isBlank() || value.length() > 500) throw new IllegalArgumentException("each privacy-policy fact must be 1-500 characters");
    }
}
