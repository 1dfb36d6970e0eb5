service b port 81
servce a port 80
