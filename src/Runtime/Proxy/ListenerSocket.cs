using System.Net;
using Meshc.Runtime.Model;

namespace Meshc.Runtime.Proxy;

/// <summary>A bound listener socket: the listener it serves, the Gateway or Service it stands for (null: the listener's own port), and where it listens.</summary>
public sealed record ListenerSocket(string Listener, AddressBinding? Binding, IPEndPoint EndPoint)
{
    public string Url => $"http://{FormatHost(EndPoint.Address)}:{EndPoint.Port}";

    /// <summary>
    /// The line that says where it serves: <c>gateway default/gw on http://127.0.100.1:80 (listener …)</c> for a Gateway or
    /// Service binding, <c>listener … on http://127.0.0.1:10000</c> for a listener on its own port. <paramref name="on"/>
    /// is the verb (<c>on</c> at start, <c>now on</c> after a reload).
    /// </summary>
    public string Line(string on = "on") =>
        Binding is { } b ? $"{b.Display} {on} {Url} (listener {Listener})" : $"listener {Listener} {on} {Url}";

    /// <summary>An address as a URL's host: IPv6 in brackets.</summary>
    public static string FormatHost(IPAddress a) =>
        a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{a}]" : a.ToString();
}
