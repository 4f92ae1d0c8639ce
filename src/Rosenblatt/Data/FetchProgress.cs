namespace Rosenblatt.Data;

/// <summary>Progress of one file's download, reported as bytes arrive.</summary>
/// <param name="FileName">The file being downloaded.</param>
/// <param name="BytesReceived">Bytes received so far.</param>
/// <param name="TotalBytes">The file's expected size.</param>
public sealed record FetchProgress(string FileName, long BytesReceived, long TotalBytes);
