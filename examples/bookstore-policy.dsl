# bookstore-policy: who may call the bookstore of bookstore-canary.dsl. netshoot may read the books; admin may not
# connect at all. Try it with meshc trace (README.md).
import "bookstore-canary.dsl"

workload netshoot pods app=netshoot
workload admin pods app=admin

policy bookstore-readers select app=bookstore {
  allow from app=netshoot port 8080 http GET "/books.*"
  deny from app=admin
}
