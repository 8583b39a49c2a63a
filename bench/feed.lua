-- wrk script: reads the first feed page (20 jams), as a client opening World does.
-- Usage: wrk -t2 -c32 -d10s -s bench/feed.lua http://127.0.0.1:8080
wrk.path = "/api/performances?limit=20"
local failed = 0
response = function(status, headers, body)
  if status ~= 200 then failed = failed + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("feed pages: %d, non-200: %d, p50 %.1f ms, p99 %.1f ms\n", summary.requests, failed,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
