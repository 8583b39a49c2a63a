-- wrk script: publishes a 120-touch performance (the corpus median) per request as one performer.
-- Usage: TOKEN=… wrk -t2 -c16 -d10s -s bench/upload.lua http://127.0.0.1:8080
local rows = {"time,x,y,z,moving"}
for i = 0, 119 do
  rows[#rows + 1] = string.format("%f, %f, %f, %f, %d", i * 0.04, (i % 50) / 50, 0.5 + 0.4 * math.sin(i / 5), 20, (i % 10 == 0) and 0 or 1)
end
local csv = table.concat(rows, "\\n") .. "\\n"
wrk.method = "POST"
wrk.path = "/api/performances"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.body = '{"instrument":"keys","colour":"#ff8800","touches":"' .. csv .. '"}'

local failed = 0
response = function(status, headers, body)
  if status ~= 201 then failed = failed + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("uploads: %d, non-201: %d, p50 %.1f ms, p99 %.1f ms\n", summary.requests, failed,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
