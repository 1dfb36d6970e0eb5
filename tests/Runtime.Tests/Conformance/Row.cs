namespace Meshc.Runtime.Tests.Conformance;

/// <summary>
/// One conformance request and what must come back, restating an upstream test case as data. Unset expectations are
/// not checked; a row with a <see cref="Backend"/> also checks the namespace, and that the backend saw the path and
/// host the client sent unless <see cref="SeenPath"/> / <see cref="SeenHost"/> say otherwise.
/// </summary>
internal sealed record Row(string Path)
{
    public string Gateway { get; init; } = Gw.SameNamespace;
    public string Method { get; init; } = "GET";

    /// <summary>The client's HTTP version: 1.1, or 2.0 sent as h2c with prior knowledge (the suite's H2CPriorKnowledgeProtocol).</summary>
    public Version Version { get; init; } = System.Net.HttpVersion.Version11;

    /// <summary>The Host header; null sends the Gateway's own address, as a client of its port 80 would.</summary>
    public string? Host { get; init; }

    public (string Name, string Value)[] Headers { get; init; } = [];

    public int Status { get; init; } = 200;

    /// <summary>Statuses the suite accepts besides <see cref="Status"/> (its <c>StatusCodes</c>).</summary>
    public int[] OtherStatuses { get; init; } = [];

    /// <summary>True when the proxy itself must answer: no backend may see the request (a CORS preflight).</summary>
    public bool AnsweredByProxy { get; init; }
    public string? Backend { get; init; }
    public string Namespace { get; init; } = Gw.Infra;
    public string? SeenPath { get; init; }
    public string? SeenHost { get; init; }
    public (string Name, string Value)[] SeenHeaders { get; init; } = [];
    public string[] SeenAbsent { get; init; } = [];

    /// <summary>The protocol the backend saw, as the echo server names it ("HTTP/1.1", "HTTP/2.0"); null: not checked.</summary>
    public string? SeenProto { get; init; }

    /// <summary>The exact Location of a redirect; "{host}" stands for the Host the client sent.</summary>
    public string? Location { get; init; }

    /// <summary>Headers the backend is asked to answer with (the echo server's X-Echo-Set-Header).</summary>
    public (string Name, string Value)[] BackendSets { get; init; } = [];

    public (string Name, string Value)[] ResponseHeaders { get; init; } = [];
    public string[] ResponseAbsent { get; init; } = [];

    /// <summary>
    /// Response headers with the values the suite accepts (its <c>ValidHeaderValues</c>), compared without whitespace
    /// when <see cref="IgnoreWhitespace"/> is set (its <c>IgnoreWhitespace</c>).
    /// </summary>
    public (string Name, string[] Values)[] ResponseOneOf { get; init; } = [];

    public bool IgnoreWhitespace { get; init; }

    /// <summary>A request answered by <paramref name="backend"/> (a service in the infra namespace unless set).</summary>
    public static Row To(string path, string backend) => new(path) { Backend = backend };

    /// <summary>A request answered by the proxy itself with <paramref name="status"/>.</summary>
    public static Row Answer(string path, int status) => new(path) { Status = status };

    /// <summary>A redirect with its exact Location.</summary>
    public static Row Redirect(string path, int status, string location) => new(path) { Status = status, Location = location };

    public override string ToString() =>
        (Version.Major == 2 ? "h2c " : "") + $"{Method} {Host ?? "<gateway>"}{Path} via {Gateway}" + (Headers.Length > 0 ? " [" + string.Join(", ", Headers.Select(h => $"{h.Name}: {h.Value}")) + "]" : "");
}
