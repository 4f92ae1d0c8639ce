using System.CommandLine;

namespace Rosenblatt.Cli.Tests;

/// <summary>The tool package ships SkiaSharp's natives for its supported platforms only; elsewhere a plot is a user error that says so.</summary>
public class MissingNativeLibraryTests
{
    [Fact]
    public void APlotWithoutSkiasNativeLibrary_IsAUserErrorNamingTheSupportedPlatforms()
    {
        static Command Failing(CliContext cli)
        {
            var command = new Command("plot-here");
            command.SetAction(int (ParseResult _) => throw new TypeInitializationException("SkiaSharp.SKImageInfo",
                new DllNotFoundException("Unable to load shared library 'libSkiaSharp' or one of its dependencies.")));
            return command;
        }

        string line = CliRun.With(Failing, "plot-here").UserErrorLine();

        Assert.Contains("Unable to load shared library 'libSkiaSharp'", line);
        Assert.Contains("linux-x64, linux-arm64, win-x64 and macOS (x64 and arm64)", line);
    }
}
