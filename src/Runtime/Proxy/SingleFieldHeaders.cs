using System.Net.Http.Headers;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// SocketsHttpHandler (the YARP path, mirrors) writes all values of a header as one field joined with ", ", and cannot
/// write a header twice. Envoy sends an appended value as a second entry, which an HTTP/1 server reads as "a,b"; joining
/// the values with "," here gives the backend that same string (cookies excepted: they stay one "; "-joined field).
/// </summary>
internal static class SingleFieldHeaders
{
    public static void Join(HttpHeaders headers)
    {
        List<(string Name, string Value)>? joined = null;
        foreach (var (name, values) in headers.NonValidated)
        {
            if (values.Count < 2 || name.Equals("cookie", StringComparison.OrdinalIgnoreCase)) continue;
            (joined ??= []).Add((name, string.Join(",", values)));
        }
        if (joined is null) return;
        foreach (var (name, value) in joined)
        {
            headers.Remove(name);
            headers.TryAddWithoutValidation(name, value);
        }
    }
}
