using Rosenblatt.Data;

namespace Rosenblatt.Cli.Conventions;

/// <summary>What <see cref="DataArgument.Load"/> found.</summary>
/// <param name="Data">The rows (for MNIST-style sets, the training part).</param>
/// <param name="Test">The set's own test part (MNIST-style sets), or null when the caller should split.</param>
/// <param name="Kind">Where it came from.</param>
internal sealed record LoadedData(Dataset Data, Dataset? Test, DataKind Kind);
