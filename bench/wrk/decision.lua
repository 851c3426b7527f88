-- One decision per request: a random user of the benchmark site reads a random file below one of its 5,000 folders.
-- 4,096 requests are prepared when each wrk thread starts, so that wrk's own work per request stays as small as for ping.
dofile(os.getenv("GATEHOUSE_BENCH_WORLD"))
local headers = { ["Authorization"] = auth, ["Content-Type"] = "application/json" }
local prepared = {}
init = function(args)
  -- in init, not at load time: wrk sets the Host header only after loading the script
  for i = 1, 4096 do
    local body = '{"user":"' .. users[math.random(#users)] .. '","action":"read","path":"'
        .. paths[math.random(#paths)] .. '/file"}'
    prepared[i] = wrk.format("POST", "/api/v1/storage/decisions", headers, body)
  end
end
local n = 0
request = function()
  n = n % #prepared + 1
  return prepared[n]
end
