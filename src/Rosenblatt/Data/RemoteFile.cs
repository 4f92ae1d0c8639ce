namespace Rosenblatt.Data;

/// <summary>One file of a downloadable data set, with the size and SHA-256 a good copy must have.</summary>
/// <param name="FileName">The official file name, e.g. <c>train-images-idx3-ubyte.gz</c>.</param>
/// <param name="Bytes">The exact size in bytes.</param>
/// <param name="Sha256">The SHA-256 of the file, lower-case hex.</param>
public sealed record RemoteFile(string FileName, long Bytes, string Sha256);
