service echo port http 80 -> 8080 select app=echo endpoints 127.0.0.1, 127.0.0.2
workload echo kind StatefulSet pods app=echo replicas 2
