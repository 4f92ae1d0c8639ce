using System.Reflection;
using System.Runtime.CompilerServices;
using PublicApiGenerator;
using Rosenblatt.Networks;

namespace Rosenblatt.Onnx.Tests;

/// <summary>The public surface of the two library packages, as text, against the approved copy in <c>PublicApi/</c>: every change
/// to the public API shows in review as a diff of <c>Rosenblatt.approved.txt</c> or <c>Rosenblatt.Onnx.approved.txt</c>.</summary>
/// <remarks>
/// <para>When the API changes on purpose, the test fails and writes what it found beside the approved file as
/// <c>*.received.txt</c> (ignored by git). To accept it, run <c>scripts/accept-api.sh</c> (which reruns this test with
/// <c>ROSENBLATT_ACCEPT_API=1</c>, so it writes the approved files), or copy the received file over the approved one,
/// and commit the approved file with the change. After a merge that conflicts in an approved file, take either side and
/// run the script: the file is generated, never edited by hand.</para>
/// </remarks>
public sealed class PublicApiTests
{
    [Fact]
    public void Rosenblatt_PublicApi_IsTheApprovedOne() => Verify(typeof(Network).Assembly, "Rosenblatt");

    [Fact]
    public void RosenblattOnnx_PublicApi_IsTheApprovedOne() => Verify(typeof(OnnxExporter).Assembly, "Rosenblatt.Onnx");

    private static void Verify(Assembly assembly, string name, [CallerFilePath] string testFile = "")
    {
        string folder = Path.Combine(Path.GetDirectoryName(testFile)!, "PublicApi");
        string approvedPath = Path.Combine(folder, $"{name}.approved.txt");
        string receivedPath = Path.Combine(folder, $"{name}.received.txt");
        string api = assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }).ReplaceLineEndings("\n") + "\n";
        if (Environment.GetEnvironmentVariable("ROSENBLATT_ACCEPT_API") == "1")
        {
            File.WriteAllText(approvedPath, api);
            File.Delete(receivedPath);
            return;
        }
        string approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : "";
        if (approved == api)
        {
            File.Delete(receivedPath);
            return;
        }
        File.WriteAllText(receivedPath, api);
        var expected = approved.Split('\n');
        var actual = api.Split('\n');
        int line = Enumerable.Range(0, Math.Min(expected.Length, actual.Length)).FirstOrDefault(i => expected[i] != actual[i], Math.Min(expected.Length, actual.Length));
        Assert.Fail($"the public API of {name} differs from {approvedPath} first at line {line + 1}:\n" +
            $"  approved: {(line < expected.Length ? expected[line] : "(end)")}\n  received: {(line < actual.Length ? actual[line] : "(end)")}\n" +
            $"The whole API is in {receivedPath}. help: if the change is intended, run scripts/accept-api.sh and commit the approved file.");
    }
}
