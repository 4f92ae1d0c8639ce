namespace Rosenblatt.MarkOne;

/// <summary>How the Mark I's R-units name a class.</summary>
public enum ResponseCoding
{
    /// <summary>One R-unit per class, trained to answer +1 for its class and −1 for the others; the largest response wins. Used when there are at most as many classes as R-units.</summary>
    OnePerClass,

    /// <summary>Each class is a codeword of R-unit signs (+1/−1) chosen far apart in Hamming distance; a response is decoded to the nearest codeword. Used when there are more classes than R-units (the 10 digits on 8 units).</summary>
    OutputCode,
}
