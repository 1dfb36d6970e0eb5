using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Meshc.Compiler.BackEnds.Xds.Agent;

/// <summary>Edits the payload of an <c>Any</c> in place: unpack, change, pack back under the same type URL.</summary>
internal static class AnyPayload
{
    /// <summary>Applies <paramref name="edit"/> when <paramref name="any"/> holds a <typeparamref name="T"/>; other payloads are left alone.</summary>
    public static void Edit<T>(Any? any, Action<T> edit) where T : IMessage<T>, new()
    {
        if (any is null || !any.Is(new T().Descriptor)) return;
        var payload = any.Unpack<T>();
        edit(payload);
        any.Value = payload.ToByteString();
    }

    /// <summary>The payload when <paramref name="any"/> holds a <typeparamref name="T"/>, else null.</summary>
    public static T? As<T>(Any? any) where T : class, IMessage<T>, new() =>
        any is not null && any.Is(new T().Descriptor) ? any.Unpack<T>() : null;
}
