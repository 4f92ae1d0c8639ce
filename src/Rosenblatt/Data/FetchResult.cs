namespace Rosenblatt.Data;

/// <summary>The outcome of <see cref="DatasetFetcher.FetchAsync"/>: where the set is and what happened to each file.</summary>
/// <param name="Dataset">The set's name, e.g. <c>mnist</c>.</param>
/// <param name="Folder">The full path of the folder holding the files.</param>
/// <param name="Files">One entry per file, in the set's order.</param>
public sealed record FetchResult(string Dataset, string Folder, IReadOnlyList<FetchedFile> Files);
