# Proves: policy statements read into Ir.Policy (allow/deny, from/to, ports, HTTP rules).
# Expected: no diagnostics.
workload api pods app=api
workload web pods app=web
policy api-access select app=api {
  allow from app=web port 8080 http GET /books, POST "/orders/.*"
  allow to * port 53 udp
  deny from app=legacy
}
