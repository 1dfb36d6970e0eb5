# Imported by input.dsl (read once, though it is also a source of this case).
service shared port 80 select app=shared
secret shared-token type Opaque keys token
grant shared-routes from shop HTTPRoute to Service
