namespace Rosenblatt.Playground;

/// <summary>How to start the playground server.</summary>
public sealed record PlaygroundOptions
{
    /// <summary>The loopback port to listen on; 0 picks any free port.</summary>
    public int Port { get; init; }

    /// <summary>The access token, or null for a fresh random one (the normal case: one per start, like Jupyter's).</summary>
    public string? Token { get; init; }

    /// <summary>The request, network and data bounds.</summary>
    public PlaygroundLimits Limits { get; init; } = new();

    /// <summary>Checks the options before anything listens.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A port outside 0–65535, or a token shorter than 16 characters.</exception>
    public void Validate()
    {
        if (Port is < 0 or > 65535)
            throw new ArgumentOutOfRangeException(nameof(Port), Port, $"--port must be 0 to 65535 (received {Port}). help: 0 picks any free port.");
        if (Token is { Length: < 16 })
            throw new ArgumentOutOfRangeException(nameof(Token), "the token must have at least 16 characters. help: leave it out for a random one.");
    }
}
