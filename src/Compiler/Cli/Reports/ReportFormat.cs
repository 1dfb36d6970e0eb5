namespace Meshc.Compiler.Cli.Reports;

/// <summary>How <c>meshc check</c> reports: lines for people (the default), or one document for tools.</summary>
public enum ReportFormat
{
    /// <summary><c>path:line:col: severity code: message</c> per diagnostic on stderr, then one summary line.</summary>
    Text,

    /// <summary>One JSON document on stdout (<see cref="JsonReport"/>).</summary>
    Json,

    /// <summary>One SARIF 2.1.0 log on stdout (<see cref="SarifReport"/>), for code scanning.</summary>
    Sarif,
}
