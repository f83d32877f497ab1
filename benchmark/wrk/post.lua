-- wrk script for run.sh: POSTs one JSON body, optionally with a unique TMF622 externalId per request, and prints
-- what it measured as one JSON line (prefixed "WRK-JSON ") for the report.
--
--   wrk -t2 -c8 -d15s --latency -s benchmark/wrk/post.lua -H 'Authorization: Basic ...' <url> -- <body.json> <token> [unique]
--
-- With "unique", the body's first externalId "id" (TMF622: "externalId": [ { ..., "id": "..." } ]) is replaced by
-- <token>-<thread>-<n>, so every request is a new order (a repeated externalId is refused as a duplicate). Only answers
-- with the expected status (201 for a new order, 200 otherwise) count as done; every other answer is a failure.

local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open(args[1], "rb"), "cannot read the body file " .. tostring(args[1]))
  local body = file:read("*a")
  file:close()
  token = args[2] or "WRK"
  unique = args[3] == "unique"
  expected = unique and 201 or 200
  ok = 0
  other = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json"
  if unique then
    -- split the body around the externalId's value once; each request only joins three strings
    local s, e = body:find('"externalId"%s*:%s*%[%s*{[^}]-"id"%s*:%s*"')
    assert(s, "no externalId id in " .. args[1])
    local close = body:find('"', e + 1, true)
    before, after = body:sub(1, e), body:sub(close)
  else
    wrk.body = body
  end
end

function request()
  if not unique then
    return wrk.format()
  end
  counter = counter + 1
  return wrk.format(nil, nil, nil, before .. token .. "-" .. tid .. "-" .. counter .. after)
end

function response(status, headers, body)
  if status == expected then
    ok = ok + 1
  else
    other = other + 1
    if not sample and body then
      sample = status .. ": " .. body:sub(1, 200)
    end
  end
end

local function quote(s)
  return '"' .. tostring(s):gsub('[%c"\\]', function(c) return string.format("\\u%04x", c:byte()) end) .. '"'
end

function done(summary, latency, requests)
  local good, bad, example = 0, 0, nil
  for _, thread in ipairs(threads) do
    good = good + (thread:get("ok") or 0)
    bad = bad + (thread:get("other") or 0)
    example = example or thread:get("sample")
  end
  local e = summary.errors
  local ms = function(us) return string.format("%.2f", us / 1000) end
  io.write("WRK-JSON {",
    '"seconds":', string.format("%.3f", summary.duration / 1e6),
    ',"requests":', summary.requests,
    ',"ok":', good,
    ',"unexpectedStatus":', bad,
    ',"socketErrors":{"connect":', e.connect, ',"read":', e.read, ',"write":', e.write, ',"timeout":', e.timeout, '}',
    ',"p50":', ms(latency:percentile(50)),
    ',"p75":', ms(latency:percentile(75)),
    ',"p90":', ms(latency:percentile(90)),
    ',"p95":', ms(latency:percentile(95)),
    ',"p99":', ms(latency:percentile(99)),
    ',"max":', ms(latency.max),
    ',"mean":', ms(latency.mean),
    ',"example":', example and quote(example) or "null",
    "}\n")
end
