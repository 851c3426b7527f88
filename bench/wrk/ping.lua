-- Baseline: the trivial JAX-RS endpoint, with the same storage-client authentication as decisions; prepared like
-- the others.
dofile(os.getenv("GATEHOUSE_BENCH_WORLD"))
local prepared
init = function(args)
  -- in init, not at load time: wrk sets the Host header only after loading the script
  prepared = wrk.format("GET", "/api/v1/storage/ping", { ["Authorization"] = auth })
end
request = function()
  return prepared
end
