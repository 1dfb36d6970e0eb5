# The runtime benchmark's configuration: one Gateway, one route, one Service whose endpoint is the benchmark's
# backend on loopback (bench/run-runtime-bench.sh starts it on 127.0.0.1:18081).
gateway bench {
  listener http http 80
}

service backend port 80 -> 18081 endpoints 127.0.0.1

route bench on bench {
  rule / to backend:80
}
