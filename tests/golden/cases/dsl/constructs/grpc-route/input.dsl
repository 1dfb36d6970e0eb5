gateway edge {
  listener grpc http 80
}
service greeter port grpc 50051 app-protocol kubernetes.io/h2c
grpc-route greeter on edge {
  rule method helloworld.Greeter/SayHello to greeter:50051
}
