using System.Text.Json;
using Rosenblatt.Playground.Training;

namespace Rosenblatt.Playground.Tests;

public sealed class LiveTrainingTests
{
    [Fact]
    public async Task Configure_ThenPlay_SendsDataThenFramesWhoseEpochGrows()
    {
        await using var server = await PlaygroundServer.StartAsync();
        await using var client = await LiveClient.ConnectAsync(server);
        await client.SendAsync(new { type = "configure", config = new PlaygroundConfig { Dataset = "xor" } });
        var data = await client.ReceiveAsync("data");
        Assert.Equal(250, data.GetProperty("train").GetArrayLength());
        var first = await client.ReceiveAsync("frame");
        Assert.Equal(0, first.GetProperty("epoch").GetInt32());
        await client.SendAsync(new { type = "play" });
        var later = await client.ReceiveAsync("frame", f => f.GetProperty("epoch").GetInt32() >= 20);
        Assert.True(later.GetProperty("running").GetBoolean());
    }
}
