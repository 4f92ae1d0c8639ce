namespace Rosenblatt.Onnx;

/// <summary>An ONNX file that cannot become a Rosenblatt network: an operator, attribute or tensor import does not support, or a damaged file.</summary>
/// <remarks>The message names the node and its operator where there is one, and ends with a <c>help:</c> line saying what import accepts.</remarks>
public sealed class OnnxImportException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the node and operator, and the fix.</param>
    /// <param name="nodeName">The node at fault, or null when the problem is not one node's.</param>
    /// <param name="operatorType">That node's operator, or null.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public OnnxImportException(string message, string? nodeName = null, string? operatorType = null, Exception? inner = null) : base(message, inner)
    {
        NodeName = nodeName;
        OperatorType = operatorType;
    }

    /// <summary>The name of the node that could not be imported, or null.</summary>
    public string? NodeName { get; }

    /// <summary>The operator of that node (e.g. <c>Conv</c>), or null.</summary>
    public string? OperatorType { get; }
}
