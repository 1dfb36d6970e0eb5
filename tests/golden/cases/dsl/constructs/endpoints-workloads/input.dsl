# Proves: service endpoints become the Service's EndpointSlice; a workload keeps its kind, pod labels and replicas.
# Expected: no diagnostics.
service echo port http 80 -> 8080 select app=echo endpoints 127.0.0.1, 127.0.0.2
workload echo kind StatefulSet pods app=echo replicas 2
