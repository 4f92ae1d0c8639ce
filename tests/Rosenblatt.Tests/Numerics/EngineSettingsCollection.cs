namespace Rosenblatt.Tests.Numerics;

/// <summary>Tests that change process-wide engine settings (thread count, forced fallback kernel) run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EngineSettingsCollection
{
    public const string Name = "Engine settings";
}
