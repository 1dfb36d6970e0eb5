using System.Net;
using Meshc.Runtime.Model;

namespace Meshc.Runtime.Proxy;

/// <summary>A bound listener socket: the listener it serves, the Gateway or Service it stands for (null: the listener's own port), and where it listens.</summary>
public sealed record ListenerSocket(string Listener, AddressBinding? Binding, IPEndPoint EndPoint);
