# bookstore-canary: east-west canary, 90% to v1 and 10% to v2, through the bookstore Service's own L7 proxy.
service bookstore port 8080 select app=bookstore
service bookstore-v1 port 8080 select app=bookstore, version=v1
service bookstore-v2 port 8080 select app=bookstore, version=v2
workload bookstore-v1 pods app=bookstore, version=v1
workload bookstore-v2 pods app=bookstore, version=v2

route bookstore-canary on service bookstore:8080 {
  rule / to bookstore-v1:8080 90, bookstore-v2:8080 10 retry 2 on 5xx per-try 1s
  clusters outlier local-failures 2
}
