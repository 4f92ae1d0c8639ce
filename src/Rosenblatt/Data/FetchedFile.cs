namespace Rosenblatt.Data;

/// <summary>What <see cref="DatasetFetcher"/> did for one file: downloaded it, or found a verified copy already there.</summary>
/// <param name="FileName">The official file name.</param>
/// <param name="Path">The full path of the verified file.</param>
/// <param name="Bytes">Its size in bytes.</param>
/// <param name="Downloaded">True if it was downloaded now, false if a copy with the right checksum was already present.</param>
/// <param name="Source">The address it was downloaded from; null when it was already present.</param>
public sealed record FetchedFile(string FileName, string Path, long Bytes, bool Downloaded, Uri? Source);
