using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GeoServer.Tests.Support;

/// <summary>
/// A bare HTTP/1.1 server on 127.0.0.1 that answers each request as a test scripts it (a status, headers and a body,
/// or no answer at all) and records every request target it received, so a test can prove a request never came.
/// </summary>
public sealed class ScriptedHttpServer : IAsyncDisposable
{
    /// <summary>An answer; a null <paramref name="Status"/> keeps the connection open without answering.</summary>
    public sealed record Answer(int? Status, string Body = "", params (string Name, string Value)[] Headers);

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly Func<string, Answer> _answer;
    private readonly Task _accepting;

    public ScriptedHttpServer(Func<string, Answer> answer)
    {
        _answer = answer;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Every request target received so far ("/csw?service=…"), in order.</summary>
    public IReadOnlyList<string> Requests => _requests.ToList();

    /// <summary>Forgets the requests received so far.</summary>
    public void Clear() => _requests.Clear();

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = new StringBuilder();
                var buffer = new byte[1];
                while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(buffer, _stop.Token) == 1)
                    head.Append((char)buffer[0]);
                string target = head.ToString().Split(' ') is [_, var t, ..] ? t : "";
                _requests.Enqueue(target);
                var answer = _answer(target);
                if (answer.Status is not { } status)
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                    return;
                }
                var body = Encoding.UTF8.GetBytes(answer.Body);
                var response = new StringBuilder($"HTTP/1.1 {status} Scripted\r\nConnection: close\r\nContent-Length: {body.Length}\r\n");
                foreach (var (name, value) in answer.Headers) response.Append($"{name}: {value}\r\n");
                await stream.WriteAsync(Encoding.ASCII.GetBytes(response.Append("\r\n").ToString()), _stop.Token);
                await stream.WriteAsync(body, _stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
