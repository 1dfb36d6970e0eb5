# Proves: a grpc-route matches service/method and sends over HTTP/2 to an h2c port.
# Expected: no errors; MC0217 warning (no endpoints).
gateway edge {
  listener grpc http 80
}
service greeter port grpc 50051 app-protocol kubernetes.io/h2c
grpc-route greeter on edge {
  rule method helloworld.Greeter/SayHello to greeter:50051
}
