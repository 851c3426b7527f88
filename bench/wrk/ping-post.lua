-- Second baseline: the trivial endpoint POSTed the same kind of JSON body as a decision (read and ignored), so that
-- the comparison isolates the decision's own work from the cost of a POST with a body.
dofile(os.getenv("GATEHOUSE_BENCH_WORLD"))
local headers = { ["Authorization"] = auth, ["Content-Type"] = "application/json" }
local prepared = {}
init = function(args)
  -- in init, not at load time: wrk sets the Host header only after loading the script
  for i = 1, 4096 do
    local body = '{"user":"' .. users[math.random(#users)] .. '","action":"read","path":"'
        .. paths[math.random(#paths)] .. '/file"}'
    prepared[i] = wrk.format("POST", "/api/v1/storage/ping", headers, body)
  end
end
local n = 0
request = function()
  n = n % #prepared + 1
  return prepared[n]
end
