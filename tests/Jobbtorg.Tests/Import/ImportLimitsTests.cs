using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Jobbtorg.Features.Import;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobbtorg.Tests.Import;

/// <summary>What an import refuses line by line (a line that is too long, bytes that are not UTF-8, a NUL or half a
/// surrogate pair in text, a line that is JSON but no object), the wrong Content-Type, and where the stream waits on disk.</summary>
[Collection(HttpCollection.Name)]
[Trait("Category", "Http")]
public sealed class ImportLimitsTests(JobbtorgAppFactory app)
{
    private readonly string prefix = $"L{Guid.NewGuid():N}"[..10] + "-";

    private async Task<HttpResponseMessage> ImportAsync(byte[] body, string contentType = "application/x-ndjson")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsync("/api/import/case-events", content);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private string Referral(int n, string person) =>
        $$"""{"type":"referral","caseRef":"{{prefix}}{{n}}","personalNumber":"{{person}}","district":"farsta","targetGroup":"UnemployedOnBenefit","date":"2025-01-07","receivesBenefit":true}""";

    private static async Task<Dictionary<int, string>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateArray()
            .ToDictionary(e => e.GetProperty("line").GetInt32(), e => e.GetProperty("reason").GetString()!);
    }

    private Task<int> CasesWithPrefixAsync() => app.WithDbAsync(db => db.Cases.CountAsync(c => c.CaseRef.StartsWith(prefix)));

    [Fact]
    public async Task A_line_longer_than_ten_thousand_bytes_is_a_bad_line_and_the_lines_around_it_are_still_checked()
    {
        var person = TestPeople.Adult(app.Today);
        var longLine = Referral(2, TestPeople.Adult(app.Today)).Replace("\"farsta\"", "\"" + new string('x', 2_000_000) + "\"");
        var body = Utf8(string.Join('\n', Referral(1, person), longLine, """{"type":"resume","caseRef":"nowhere","date":"2025-01-08"}"""));

        var errors = await ErrorsAsync(await ImportAsync(body));

        Assert.Equal([2, 3], errors.Keys.Order());
        Assert.Equal("The line is longer than 10000 bytes; an event takes a few hundred.", errors[2]);
        Assert.Equal(0, await CasesWithPrefixAsync());
    }

    [Fact]
    public async Task Text_that_is_not_utf8_or_holds_a_nul_or_half_a_surrogate_pair_is_refused_naming_the_line_and_field()
    {
        var lines = new List<byte[]>
        {
            Utf8(Referral(1, TestPeople.Adult(app.Today))),                                                              // 1 fine
            Utf8($$"""{"type":"referral","caseRef":"{{prefix}}2""").Concat(new byte[] { 0xFF, 0xFE }).Concat(Utf8("\"}")).ToArray(), // 2 invalid UTF-8
            Utf8(Referral(3, TestPeople.Adult(app.Today)).Replace(prefix + "3", prefix + "3\\u0000")),                   // 3 NUL in caseRef
            Utf8($$"""{"type":"enrolment","caseRef":"{{prefix}}1","date":"2025-01-08","jobCentre":"farsta","coach":"a\ud800b"}"""), // 4 lone surrogate
            Utf8("\"a text, not an event\""),                                                                            // 5 JSON but not an object
            Utf8("[1,2,3]"),                                                                                             // 6 likewise
            Utf8($$"""{"type":"resume","caseRef":"{{prefix}}1","date":"2025-01-08"}""").Append((byte)0).ToArray(),      // 7 a NUL byte after the object
        };
        var body = lines.SelectMany((line, i) => i == 0 ? line : [(byte)'\n', .. line]).ToArray();

        var errors = await ErrorsAsync(await ImportAsync(body));

        Assert.Equal([2, 3, 4, 5, 6, 7], errors.Keys.Order());
        Assert.Equal($"The line is not valid UTF-8: byte {Utf8($$"""{"type":"referral","caseRef":"{{prefix}}2""").Length + 1} cannot be read.", errors[2]);
        Assert.Equal("The field caseRef: The text contains a NUL character, which is not allowed.", errors[3]);
        Assert.Equal("The field coach: The text contains half of a surrogate pair, which is not a character.", errors[4]);
        Assert.Equal("The line is not a JSON object.", errors[5]);
        Assert.Equal("The line is not a JSON object.", errors[6]);
        Assert.StartsWith("The line is not valid JSON", errors[7]);
        Assert.Equal(0, await CasesWithPrefixAsync());
    }

    [Fact]
    public async Task The_wrong_content_type_answers_415_saying_what_to_send()
    {
        var response = await ImportAsync(Utf8("{}"), "application/json");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Send the case events as application/x-ndjson.", problem.GetProperty("title").GetString());
        Assert.Contains("application/json", problem.GetProperty("detail").GetString());

        var none = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsync("/api/import/case-events", new ByteArrayContent(Utf8("{}")));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, none.StatusCode);
    }

    /// <summary>Hands the import its bytes and, at the end of the copy, looks at what lies in the app's spool folder.</summary>
    private sealed class WatchedStream(byte[] body, string folder) : MemoryStream(body)
    {
        public List<string> SeenInSpool { get; } = [];

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            if (read == 0 && Directory.Exists(folder))
                SeenInSpool.AddRange(Directory.GetFiles(folder).Select(f => $"{Path.GetFileName(f)} {(OperatingSystem.IsWindows() ? "600" : Convert.ToString((int)File.GetUnixFileMode(f), 8))}"));
            return read;
        }
    }

    [Fact]
    public async Task The_stream_waits_in_the_apps_own_spool_folder_readable_by_the_app_only_and_is_removed_after()
    {
        var body = Utf8(Referral(1, TestPeople.Adult(app.Today)));
        var watched = new WatchedStream(body, app.SpoolFolder);
        using (var scope = app.Services.CreateScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<CaseEventImport>().ImportAsync(watched, "test");
            Assert.True(result.Succeeded);
        }
        var spooled = Assert.Single(watched.SeenInSpool);
        Assert.Matches($"^import-{Environment.ProcessId}-[0-9a-f]{{32}}\\.ndjson 600$", spooled);
        Assert.Empty(Directory.GetFiles(app.SpoolFolder));
    }

    [Fact]
    public async Task Spool_files_left_by_a_stopped_process_are_removed_at_start_and_a_running_ones_are_kept()
    {
        var database = JobbtorgAppFactory.NewDatabaseName();
        var folder = Path.Combine(Path.GetTempPath(), "jobbtorg-test-spool", database + "-leftovers");
        Directory.CreateDirectory(folder);
        var ours = Path.Combine(folder, $"import-{Environment.ProcessId}-{Guid.NewGuid():N}.ndjson");     // this process, before it started the app
        var gone = Path.Combine(folder, $"import-{int.MaxValue - 7}-{Guid.NewGuid():N}.ndjson");          // no such process
        var running = Path.Combine(folder, $"import-1-{Guid.NewGuid():N}.ndjson");                        // the machine's first process runs
        var other = Path.Combine(folder, "notes.txt");
        foreach (var file in new[] { ours, gone, running, other }) await File.WriteAllTextAsync(file, "199001012385");

        var started = JobbtorgAppFactory.WithSettings(new Dictionary<string, string> { [ImportSpool.SettingName] = folder }, database);
        await started.InitializeAsync();
        try
        {
            Assert.False(File.Exists(ours));
            Assert.False(File.Exists(gone));
            Assert.True(File.Exists(running));
            Assert.True(File.Exists(other));
        }
        finally
        {
            await ((IAsyncLifetime)started).DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }
}
