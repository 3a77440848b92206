using Jobbtorg.Calendar;
using Jobbtorg.Data;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Jobbtorg.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobbtorg.Features.AccessLog.Review;

/// <summary>
/// The log reviewer's search: by reader (a staff member picked from the list, or any part of a user's or key's name), by
/// person, by period (Stockholm days, the last 30 by default) and by flag; newest first, a page at a time. The person is
/// asked for by personal number in a posted form and named in the address only by the internal id, so the number never
/// stands in a URL or a server log.
/// </summary>
[RequirePermission(Permission.ReadAccessLog)]
[ShowsPersonalData]
public class IndexModel(JobbtorgDb db, ReviewFlags flags, ReviewRows rowsOf, Texts texts, TimeProvider clock, IOptions<LogReviewOptions> options,
    AccessLogChainState chain) : PageModel
{
    public const int DefaultDays = 30;

    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    /// <summary>A staff member's user id.</summary>
    [BindProperty(SupportsGet = true)] public string? Reader { get; set; }
    /// <summary>Any part of the reader's name (a user or an API key).</summary>
    [BindProperty(SupportsGet = true)] public string? Who { get; set; }
    /// <summary>The person's internal id, once their personal number has been looked up.</summary>
    [BindProperty(SupportsGet = true)] public int? Person { get; set; }
    [BindProperty(SupportsGet = true)] public LogFlag? Flag { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    /// <summary>Posted only, never put in an address.</summary>
    [BindProperty] public string? PersonalNumber { get; set; }

    public List<(string Id, string Name)> Staff { get; private set; } = [];
    public string? PersonLabel { get; private set; }
    public List<ReviewRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageSize => options.Value.PageSize;
    public bool Searched { get; private set; }
    public ChainState? Chain { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        await LoadAsync(ct);
        if (!Validate()) return Page();
        var (start, end) = ReviewFlags.Instants(From!.Value, To!.Value);
        var entries = ReviewFlags.ReaderFilter(db.AccessLog.AsNoTracking().Where(e => e.At >= start && e.At < end), Reader, Who);
        if (Person is { } person) entries = entries.Where(e => e.ParticipantId == person);
        if (Flag is { } flag) entries = await flags.WithFlagAsync(entries, flag, From.Value, To.Value, Reader, Who, ct);
        Total = await entries.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        var page = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Rows = await rowsOf.OfAsync(page, ct);
        Searched = true;
        return Page();
    }

    /// <summary>Looks the personal number up and shows the search again, naming the person by id.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        var valid = Validate();
        if (!string.IsNullOrWhiteSpace(PersonalNumber))
        {
            if (!Identity.PersonalNumber.TryParse(PersonalNumber, clock.Today(), out var number, out var error))
                ModelState.AddModelError(nameof(PersonalNumber), texts[Identity.PersonalNumber.Describe(error)]);
            else if (await db.Participants.Where(p => p.PersonalNumber == number.Value).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct) is { } id)
                Person = id;
            else
                ModelState.AddModelError(nameof(PersonalNumber), texts["No one with this personal number is held in Jobbtorg."]);
        }
        if (!valid || !ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        return RedirectToPage(new { from = Iso(From), to = Iso(To), reader = Reader, who = Who, person = Person, flag = Flag });
    }

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd");

    private async Task LoadAsync(CancellationToken ct)
    {
        Staff = (await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
            .Select(u => (u.Id, u.DisplayName)).ToList();
        if (Person is { } id)
        {
            var p = await db.Participants.AsNoTracking().Where(p => p.Id == id).FirstOrDefaultAsync(ct);
            PersonLabel = p is null ? texts["No longer held"]
                : p.ProtectedIdentity ? texts["Protected identity"]
                : $"{p.DisplayName} ({p.MaskedPersonalNumber})";
        }
        Chain = await chain.CurrentAsync(db, ct);
    }

    /// <summary>The period and the filters, each wrong one with its own message; the defaults filled in.</summary>
    private bool Validate()
    {
        var today = clock.Today();
        if (ModelState.GetFieldValidationState(nameof(To)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid) To ??= today;
        if (ModelState.GetFieldValidationState(nameof(From)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            From ??= Dates.PlusDays(To ?? today, -(DefaultDays - 1));
        foreach (var (field, date) in new[] { (nameof(From), From), (nameof(To), To) })
            if (date is { } d && Dates.RangeProblem(d) is { } problem) ModelState.AddModelError(field, texts.Format(problem.Template, problem.Args));
        if (From is { } from && To is { } to && ModelState.IsValid)
        {
            if (from > to) ModelState.AddModelError(nameof(From), texts["The start date must be on or before the end date."]);
            else if (to.DayNumber - from.DayNumber + 1 > options.Value.MaxPeriodDays)
                ModelState.AddModelError(nameof(From), texts.Format("Choose a period of at most {0} days.", new Counted(options.Value.MaxPeriodDays)));
        }
        if (Who is { Length: > AccessLogEntry.MaxPrincipalLength })
            ModelState.AddModelError(nameof(Who), texts.Format("The name may be at most {0} characters.", AccessLogEntry.MaxPrincipalLength));
        if (Reader is { Length: > 450 }) ModelState.AddModelError(nameof(Reader), texts["Choose a user from the list."]);
        if (PersonalNumber is { Length: > 40 }) ModelState.AddModelError(nameof(PersonalNumber), texts[Identity.PersonalNumber.Describe(PersonalNumberError.Format)]);
        return ModelState.IsValid;
    }

    /// <summary>The address of another page of the same search.</summary>
    public string PageUrl(int number) => Url.Page("Index", new { from = Iso(From), to = Iso(To), reader = Reader, who = Who, person = Person, flag = Flag, p = number })!;
}
