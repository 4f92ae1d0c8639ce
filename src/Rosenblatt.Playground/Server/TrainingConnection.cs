using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Rosenblatt.Playground.Data;
using Rosenblatt.Playground.Training;
using Rosenblatt.Serialization;

namespace Rosenblatt.Playground.Server;

/// <summary>One live connection: the page's commands in, frames out, with the run trained between frames.</summary>
/// <remarks>
/// <para>Frames are paced by the page: after painting one it sends <c>ack</c>, and no new frame is sent before that. A slow
/// page therefore gets fewer frames, never a backlog, while training goes on between frames as fast as the configured
/// speed allows. Commands (<c>configure</c>, <c>play</c>, <c>pause</c>, <c>step</c>, <c>reset</c>, <c>setWeight</c>,
/// <c>addPoint</c>, <c>export</c>, <c>exportData</c>, <c>import</c>) are handled between epochs, so an epoch is never
/// torn and a run stays reproducible.</para>
/// <para>Every message is bounded (<see cref="PlaygroundLimits.MaxMessageBytes"/>); a bad one gets an <c>error</c>
/// message in the page's words and the connection carries on.</para>
/// </remarks>
internal sealed class TrainingConnection(WebSocket socket, PlaygroundLimits limits, UploadStore uploads)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan TrainingSlice = TimeSpan.FromMilliseconds(25);

    private readonly Channel<JsonElement> _commands = Channel.CreateBounded<JsonElement>(64);
    private NetworkSession? _network;
    private PerceptronSession? _perceptron;
    private PlaygroundConfig? _config;
    private bool _running, _awaitingAck, _dirty;
    private readonly Stopwatch _playClock = new();
    private long _epochsAtPlay;
    private int _perceptronStepRequest;
    private string? _pendingError;

    internal async Task RunAsync(CancellationToken stopping)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var reader = Task.Run(() => ReadAsync(cts.Token), cts.Token);
        try
        {
            await LoopAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
        }
        catch (WebSocketException)
        {
        }
        catch (Exception e) when (socket.State == WebSocketState.Open)
        {
            // A bug, not the page's fault: say so rather than drop the connection silently.
            await SendAsync(new { type = "error", message = $"Internal error: {e.GetType().Name}: {e.Message} This is a bug in the playground; reload the page, and please report it." }, CancellationToken.None);
        }
        finally
        {
            cts.Cancel();
            try
            {
                await reader;
            }
            catch (OperationCanceledException)
            {
            }
            catch (WebSocketException)
            {
            }
            if (socket.State == WebSocketState.Open)
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        }
    }

    private async Task ReadAsync(CancellationToken token)
    {
        var buffer = new byte[limits.MaxMessageBytes];
        while (!token.IsCancellationRequested)
        {
            int length = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                if (length == buffer.Length)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig,
                        $"messages are limited to {limits.MaxMessageBytes / 1024} kB", CancellationToken.None);
                    _commands.Writer.TryComplete();
                    return;
                }
                result = await socket.ReceiveAsync(buffer.AsMemory(length), token);
                length += result.Count;
            }
            while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                _commands.Writer.TryComplete();
                return;
            }
            JsonElement command;
            try
            {
                using var document = JsonDocument.Parse(buffer.AsMemory(0, length));
                command = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                command = JsonSerializer.SerializeToElement(new { type = "invalid" });
            }
            await _commands.Writer.WriteAsync(command, token);
        }
    }

    private async Task LoopAsync(CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            while (_commands.Reader.TryRead(out var command))
                await HandleAsync(command, token);
            if (_commands.Reader.Completion.IsCompleted)
                return;
            bool worked = false;
            if (_running)
                worked = TrainSlice();
            if (_dirty && !_awaitingAck)
            {
                await SendFrameAsync(token);
                worked = true;
            }
            if (!_running && (!_dirty || _awaitingAck))
            {
                // Nothing to do until the page speaks: wait for its next message (an ack or a command).
                if (!await _commands.Reader.WaitToReadAsync(token))
                    return;
            }
            else if (!worked)
            {
                await Task.Delay(2, token); // playing, but the speed cap or the page's painting holds us back
            }
        }
    }

    private async Task HandleAsync(JsonElement command, CancellationToken token)
    {
        string type = command.ValueKind == JsonValueKind.Object && command.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()!
            : "";
        try
        {
            switch (type)
            {
                case "configure":
                    var config = command.GetProperty("config").Deserialize<PlaygroundConfig>(Json)
                        ?? throw new ArgumentException("Settings: missing.");
                    Configure(config);
                    await SendDataAsync(token);
                    break;
                case "reset":
                    if (_config is not null)
                    {
                        Configure(_config);
                        await SendDataAsync(token);
                    }
                    break;
                case "play":
                    _running = _config is not null;
                    _playClock.Restart();
                    _epochsAtPlay = _network?.Epoch ?? _perceptron?.Shown ?? 0;
                    if (_perceptron is { Finished: true })
                        _perceptron.Rewind();
                    _dirty = true;
                    break;
                case "pause":
                    _running = false;
                    _dirty = true;
                    break;
                case "step":
                    _running = false;
                    if (_network is not null)
                        TrainOne();
                    else
                        _perceptronStepRequest = 1;
                    _dirty = true;
                    break;
                case "ack":
                    _awaitingAck = false;
                    break;
                case "setWeight":
                    Network().SetWeight(command.GetProperty("layer").GetInt32(), command.GetProperty("from").GetInt32(),
                        command.GetProperty("to").GetInt32(), command.GetProperty("value").GetDouble());
                    _dirty = true;
                    break;
                case "addPoint":
                    Network().AddPoint(command.GetProperty("x").GetDouble(), command.GetProperty("y").GetDouble(),
                        command.GetProperty("value").GetDouble(), limits.MaxPoints);
                    await SendDataAsync(token);
                    break;
                case "export":
                    await SendAsync(new { type = "model", fileName = "playground-model.json", text = Network().ExportModel() }, token);
                    break;
                case "exportData":
                    bool test = command.TryGetProperty("test", out var which) && which.ValueKind == JsonValueKind.True;
                    await SendAsync(new { type = "csv", fileName = test ? "playground-test.csv" : "playground-train.csv", text = Network().ExportData(test) }, token);
                    break;
                case "import":
                    await ImportAsync(command.GetProperty("text").GetString() ?? "", token);
                    break;
                default:
                    throw new ArgumentException($"The page sent a message the server does not know ('{type}'). Reload the page.");
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or KeyNotFoundException or FormatException
            or JsonException or ModelFileException or Rosenblatt.Data.CsvFormatException)
        {
            _running = false;
            await SendAsync(new { type = "error", message = e is KeyNotFoundException or JsonException
                ? "The page sent an incomplete message. Reload the page." : Message(e) }, token);
        }
    }

    private NetworkSession Network() =>
        _network ?? throw new ArgumentException("This works in network mode, after the data and network are set up.");

    private void Configure(PlaygroundConfig config)
    {
        _running = false;
        PlaygroundSetup.Validate(config, limits);
        var data = PlaygroundData.Create(config, uploads, limits);
        if (config.Mode == "perceptron")
        {
            _perceptron = new PerceptronSession(config, data);
            _network = null;
        }
        else
        {
            _network = new NetworkSession(config, data);
            _perceptron = null;
        }
        _config = config;
        _dirty = true;
    }

    /// <summary>Trains for up to one slice of time (or, in perceptron mode, marks the next steps due); true if anything happened.</summary>
    private bool TrainSlice()
    {
        if (_perceptron is not null)
        {
            // The rule's steps were all computed up front; playing them back only needs frames, at the page's pace.
            if (PerceptronStepsDue() > 0)
                _dirty = true;
            return false;
        }
        var slice = Stopwatch.StartNew();
        bool trained = false;
        while (_running && slice.Elapsed < TrainingSlice && EpochBudget() > 0 && _commands.Reader.Count == 0)
        {
            if (!TrainOne())
                break;
            trained = true;
        }
        return trained;
    }

    /// <summary>Epochs (or perceptron steps) the speed cap allows now; unbounded when there is none.</summary>
    private long EpochBudget()
    {
        if (_config is null || _config.EpochsPerSecond <= 0)
            return long.MaxValue;
        long done = (_network?.Epoch ?? _perceptron?.Shown ?? 0) - _epochsAtPlay;
        return (long)(_playClock.Elapsed.TotalSeconds * _config.EpochsPerSecond) + 1 - done;
    }

    /// <summary>Trains one epoch; on divergence or an untrainable network, stops and tells the page why and what to change.</summary>
    private bool TrainOne()
    {
        try
        {
            _network!.TrainEpoch();
            _dirty = true;
            return true;
        }
        catch (Rosenblatt.Training.TrainingDivergedException e)
        {
            _running = false;
            _pendingError = "Training stopped: the loss became " + (double.IsNaN(e.Loss) ? "NaN" : "infinite") + $" in epoch {_network!.Epoch + 1}. " +
                "The weights grew until the arithmetic overflowed: the learning rate is too high for this network. " +
                "Lower the learning rate (try a tenth of it), or switch to Adam, then press reset.";
            _dirty = true;
            return false;
        }
        catch (InvalidOperationException e)
        {
            _running = false;
            _pendingError = "Training cannot start: " + Message(e) +
                " The step function's slope is zero everywhere it is defined, so backpropagation has nothing to follow. " +
                "Pick another activation for training, edit the weights by hand (click a connection), or try perceptron mode.";
            _dirty = true;
            return false;
        }
    }

    /// <summary>Perceptron steps to show in this frame while playing: as the speed cap allows (steps per second), or 10 a
    /// frame without one, slow enough to follow the line moving.</summary>
    private int PerceptronStepsDue()
    {
        if (_config!.EpochsPerSecond <= 0)
            return 10;
        long due = (long)(_playClock.Elapsed.TotalSeconds * _config.EpochsPerSecond) + 1 - (_perceptron!.Shown - _epochsAtPlay);
        return (int)Math.Clamp(due, 0, 10_000);
    }

    private async Task SendFrameAsync(CancellationToken token)
    {
        _dirty = false;
        if (_pendingError is not null)
        {
            // Before the frame that shows the stopped run, so the page shows why it stopped as it stops.
            await SendAsync(new { type = "error", message = _pendingError }, token);
            _pendingError = null;
        }
        if (_network is not null)
        {
            await SendAsync(_network.Frame(_running), token);
            _awaitingAck = true;
        }
        else if (_perceptron is not null)
        {
            int count = _running ? PerceptronStepsDue() : _perceptronStepRequest;
            _perceptronStepRequest = 0;
            await SendAsync(_perceptron.Advance(count, _running), token);
            if (_perceptron.Finished)
                _running = false;
            _awaitingAck = true;
        }
    }

    private async Task SendDataAsync(CancellationToken token)
    {
        var data = _network?.Data ?? _perceptron?.Data;
        if (data is null)
            return;
        await SendAsync(new
        {
            type = "data",
            name = data.Name,
            regression = data.IsRegression,
            classes = data.ClassNames,
            note = data.Note,
            train = data.Train.Select(p => new[] { p.X, p.Y, p.Value }),
            test = data.Test.Select(p => new[] { p.X, p.Y, p.Value }),
            mode = _config!.Mode,
        }, token);
        _dirty = true;
        _awaitingAck = false;
    }

    private async Task ImportAsync(string text, CancellationToken token)
    {
        if (_config is null)
            throw new ArgumentException("Import: set up the page first.");
        var (config, network) = ModelImport.Read(text, _config, limits);
        Configure(config);
        Network().LoadWeights(network);
        await SendAsync(new { type = "imported", config }, token);
        await SendDataAsync(token);
    }

    private Task SendAsync<T>(T message, CancellationToken token)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message, Json);
        return socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, token);
    }

    /// <summary>An exception's message without the library's parameter suffix ("(Parameter 'x')"): the page shows it as is.</summary>
    internal static string Message(Exception e)
    {
        string message = e.Message;
        int suffix = message.LastIndexOf(" (Parameter '", StringComparison.Ordinal);
        return suffix > 0 ? message[..suffix] : message;
    }
}
