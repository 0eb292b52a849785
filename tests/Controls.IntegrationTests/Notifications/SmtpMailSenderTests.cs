using System.Net;
using System.Net.Mail;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Controls.Web.Infrastructure.Mail;
using Microsoft.Extensions.Options;

namespace Controls.IntegrationTests.Notifications;

/// <summary>The SMTP sender against a minimal SMTP server on the loopback interface.</summary>
public partial class SmtpMailSenderTests
{
    private static SmtpMailSender Sender(int port) =>
        new(Options.Create(new MailOptions { Host = "127.0.0.1", Port = port, From = "controls@test.example" }));

    [Fact]
    public async Task A_Japanese_message_arrives_as_one_plain_text_mail_to_its_one_recipient()
    {
        using var server = new MinimalSmtpServer();
        var session = server.AcceptOneAsync();

        // A line break in a (user-entered) name must not become a header of its own.
        await Sender(server.Port).SendAsync(
            new MailEnvelope("head@test.example", "【督促】自己点検の期限:経理部\r\nBcc: someone@evil.example", "経理部の自己点検の期限は 2030/03/10 です。"),
            CancellationToken.None);
        var (commands, data) = await session;

        Assert.Equal(["RCPT TO:<head@test.example>"], commands.Where(c => c.StartsWith("RCPT", StringComparison.Ordinal)));
        Assert.Contains("MAIL FROM:<controls@test.example>", commands);
        Assert.DoesNotContain(data.Split("\r\n\r\n")[0].Split("\r\n"), header => header.StartsWith("Bcc:", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("【督促】自己点検の期限:経理部 Bcc: someone@evil.example", DecodeHeader(data, "Subject"));
        Assert.Contains("text/plain", data);
        Assert.Contains("経理部の自己点検の期限は 2030/03/10 です。", DecodeBody(data));
    }

    [Fact]
    public async Task An_unreachable_server_fails_the_send()
    {
        var port = MinimalSmtpServer.FreePort();
        await Assert.ThrowsAsync<SmtpException>(() => Sender(port).SendAsync(new MailEnvelope("a@test.example", "s", "b"), CancellationToken.None));
    }

    [Fact]
    public async Task Without_a_host_nothing_is_sent()
    {
        var sender = new SmtpMailSender(Options.Create(new MailOptions()));
        Assert.False(sender.IsConfigured);
        await Assert.ThrowsAsync<InvalidOperationException>(() => sender.SendAsync(new MailEnvelope("a@test.example", "s", "b"), CancellationToken.None));
    }

    /// <summary>An RFC 2047 header: its encoded words (=?utf-8?B?…?=) decoded and joined.</summary>
    private static string DecodeHeader(string data, string name)
    {
        var headers = data.Split("\r\n\r\n")[0].Replace("\r\n ", " ", StringComparison.Ordinal).Replace("\r\n\t", " ", StringComparison.Ordinal);
        var value = headers.Split("\r\n").Single(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))[(name.Length + 1)..].Trim();
        var bytes = EncodedWord().Matches(value).SelectMany(m => Convert.FromBase64String(m.Groups[1].Value)).ToArray();
        return Encoding.UTF8.GetString(bytes);
    }

    private static string DecodeBody(string data)
    {
        var parts = data.Split("\r\n\r\n", 2);
        return parts[0].Contains("base64", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(parts[1].Replace("\r\n", "", StringComparison.Ordinal).TrimEnd('.')))
            : parts[1];
    }

    [GeneratedRegex(@"=\?utf-8\?B\?([^?]*)\?=", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWord();

    /// <summary>Just enough SMTP to take one message: greets, accepts every command, records them and the DATA.</summary>
    private sealed class MinimalSmtpServer : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);

        public MinimalSmtpServer() => listener.Start();

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        public static int FreePort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        public async Task<(List<string> Commands, string Data)> AcceptOneAsync()
        {
            using var client = await listener.AcceptTcpClientAsync();
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.Latin1);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            var commands = new List<string>();
            var data = new StringBuilder();
            await writer.WriteLineAsync("220 localhost ESMTP test");
            while (await reader.ReadLineAsync() is { } line)
            {
                commands.Add(line);
                if (line.StartsWith("EHLO", StringComparison.OrdinalIgnoreCase) || line.StartsWith("HELO", StringComparison.OrdinalIgnoreCase))
                {
                    await writer.WriteLineAsync("250 localhost");
                }
                else if (line.Equals("DATA", StringComparison.OrdinalIgnoreCase))
                {
                    await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                    while (await reader.ReadLineAsync() is { } content && content != ".")
                    {
                        data.Append(content).Append("\r\n");
                    }

                    await writer.WriteLineAsync("250 queued");
                }
                else if (line.Equals("QUIT", StringComparison.OrdinalIgnoreCase))
                {
                    await writer.WriteLineAsync("221 bye");
                    break;
                }
                else
                {
                    await writer.WriteLineAsync("250 OK");
                }
            }

            return (commands, data.ToString());
        }

        public void Dispose() => listener.Stop();
    }
}
