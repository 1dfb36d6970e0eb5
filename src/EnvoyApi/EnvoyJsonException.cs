namespace Meshc.EnvoyApi;

/// <summary>
/// Thrown when JSON does not describe a valid instance of the requested Envoy message type
/// (syntax error, unknown field, wrong value type, unresolvable <c>Any</c> type, ...).
/// </summary>
public sealed class EnvoyJsonException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="messageType">Full proto name of the type that was being parsed.</param>
    /// <param name="innerException">The protobuf parser's error, whose message names the culprit.</param>
    public EnvoyJsonException(string messageType, Exception innerException)
        : base($"Invalid JSON for {messageType}: {innerException.Message}", innerException)
    {
        MessageType = messageType;
    }

    /// <summary>Full proto name of the type that was being parsed.</summary>
    public string MessageType { get; }
}
