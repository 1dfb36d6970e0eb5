service a port 80 @
