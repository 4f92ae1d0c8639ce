using Rosenblatt.Lessons.Catalog;
using Rosenblatt.Lessons.Running;

namespace Rosenblatt.Lessons;

/// <summary>How a <see cref="LessonEngine"/> is set up: which lessons, where progress is saved, the limits, and the worker.</summary>
public sealed record LessonEngineOptions
{
    /// <summary>The lessons (default: the ones embedded in this library).</summary>
    public LessonCatalog? Catalog { get; init; }

    /// <summary>The progress file (default: <see cref="Progress.ProgressStore.DefaultPath"/>).</summary>
    public string? ProgressPath { get; init; }

    /// <summary>Limits for running learner code (default: <see cref="RunnerLimits"/>'s defaults).</summary>
    public RunnerLimits? Limits { get; init; }

    /// <summary>The worker <c>.dll</c> (default: the one beside the application).</summary>
    public string? WorkerPath { get; init; }

    /// <summary>Start and warm the worker when the engine is created (default true), so the first cell does not wait for it.</summary>
    public bool StartWorker { get; init; } = true;
}
