namespace Meshc.Runtime.Proxy;

/// <summary>What a demo backend saw: the backend (its service key, name, namespace, pod) and the request as it arrived.</summary>
public sealed record EchoedRequest(string Key, string Service, string Namespace, string Pod, string Method, string Path, string Host, IReadOnlyDictionary<string, string> Headers);
