# Proves: a service route's paths clause sets its listener's path handling (normalize_path, merge_slashes,
# path_with_escaped_slashes_action), and a route without it leaves all three unset.
# Expected: no diagnostics.
service files port 8080 select app=files
service files-v1 port 8080 select app=files, version=v1
service plain port 8080 select app=plain
service plain-v1 port 8080 select app=plain, version=v1
route files on service files {
  rule /public to files-v1
  paths normalize merge-slashes escaped-slashes unescape-and-redirect
}
route plain on service plain {
  rule / to plain-v1
}
