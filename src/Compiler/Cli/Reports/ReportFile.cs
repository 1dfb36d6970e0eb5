namespace Meshc.Compiler.Cli.Reports;

/// <summary>
/// A diagnostic's file as a URI reference relative to the working directory (what code scanning resolves against the
/// repository root): <c>examples/gateway-echo/03-route-90-10.yaml</c>, segments percent-encoded. A file outside the
/// working directory becomes an absolute <c>file:</c> URI.
/// </summary>
internal static class ReportFile
{
    public static string Uri(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, full);
        var outside = Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) ||
                      relative.StartsWith("..\\", StringComparison.Ordinal);
        var segments = (outside ? full : relative).Replace('\\', '/').Split('/').Select(System.Uri.EscapeDataString);
        var uri = string.Join('/', segments);
        return outside ? "file://" + (uri.StartsWith('/') ? uri : "/" + uri) : uri;
    }

    /// <summary>Whether <see cref="Uri"/> is relative, so a SARIF location names the source root as its base.</summary>
    public static bool IsRelative(string uri) => !uri.StartsWith("file:", StringComparison.Ordinal);
}
