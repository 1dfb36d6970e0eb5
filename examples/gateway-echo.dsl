# gateway-echo: two echo services behind a Cilium Gateway, split 90/10.
gateway cilium-gw {
  listener http http 80
}

gateway my-example-gateway {
  listener web-gw-echo http 80 allow from same
}

service echo-1 port high 8080 select app=echo-1 labels app=echo-1
service echo-2 port high 8080 select app=echo-2 labels app=echo-2
workload echo-1 pods app=echo-1 labels app=echo-1
workload echo-2 pods app=echo-2 labels app=echo-2

route example-route-1 on my-example-gateway {
  rule /echo to echo-1:8080 90, echo-2:8080 10
}
