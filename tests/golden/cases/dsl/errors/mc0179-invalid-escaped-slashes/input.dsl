# Proves: an unknown escaped-slashes action is reported with the valid ones, and paths on a gateway route is refused.
# Expected: MC0179 at 7:25 (the action), MC0171 at 14:3 (the gateway route's paths clause); no bundle (error).
service files port 8080 select app=files
service files-v1 port 8080 select app=files, version=v1 endpoints 10.0.0.1
route files on service files {
  rule / to files-v1
  paths escaped-slashes unescape
}
gateway gw {
  listener web http 80
}
route web on gw {
  rule / to files-v1:8080
  paths normalize
}
