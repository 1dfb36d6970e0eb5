using System.Text;
using System.Text.Json;
using Meshc.Compiler.BackEnds.Xds.Agent;

namespace Meshc.Compiler.BackEnds.Xds;

/// <summary>
/// <c>xds/redirects.json</c>: the port of every listener (and whether meshc allocated it as Cilium's agent would a
/// CRD proxy port), the Services redirected to them (for the BPF back end), and where each listener is reached (for
/// the runtime: a Gateway at its LoadBalancer address, a claimed Service at its clusterIP). Every list is sorted.
/// </summary>
/// <remarks>Shape: <c>{"listeners": [{name, address, port, allocated}], "services": [{namespace, name, ports, listener,
/// proxyPort}], "bindings": [{kind, namespace, name, address, ports, listener}]}</c>.</remarks>
internal static class RedirectsFile
{
    /// <summary>The file's text: indented JSON ending in a newline.</summary>
    public static string Write(IReadOnlyList<ListenerPort> listeners, IReadOnlyList<ProxyRedirect> redirects, IReadOnlyList<AddressBinding> bindings)
    {
        var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteStartArray("listeners");
            foreach (var l in listeners)
            {
                json.WriteStartObject();
                json.WriteString("name", l.Listener);
                json.WriteString("address", l.Address);
                json.WriteNumber("port", l.Port);
                json.WriteBoolean("allocated", l.Allocated);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("services");
            foreach (var r in redirects)
            {
                json.WriteStartObject();
                json.WriteString("namespace", r.Namespace);
                json.WriteString("name", r.Service);
                json.WriteStartArray("ports");
                foreach (var port in r.Ports) json.WriteNumberValue(port);
                json.WriteEndArray();
                json.WriteString("listener", r.Listener);
                json.WriteNumber("proxyPort", r.ProxyPort);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("bindings");
            foreach (var b in bindings)
            {
                json.WriteStartObject();
                json.WriteString("kind", b.Kind);
                json.WriteString("namespace", b.Namespace);
                json.WriteString("name", b.Name);
                json.WriteString("address", b.Address);
                json.WriteStartArray("ports");
                foreach (var port in b.Ports) json.WriteNumberValue(port);
                json.WriteEndArray();
                json.WriteString("listener", b.Listener);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
