using Jobbtorg.Features.Access;
using Jobbtorg.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jobbtorg.Features.Employers;

/// <summary>One employer: its contact people (kept here by those who keep employers), its vacancies and the placements
/// recorded at its organisation number, as counts only.</summary>
[RequirePermission(Permission.ReadEmployers)]
[AccessLog.NoPersonalData]
public class DetailsModel(EmployerWork work, VacancyWork vacancies, Texts texts) : PageModel
{
    public Employer Employer { get; private set; } = null!;
    public List<Vacancy> Vacancies { get; private set; } = [];
    public List<PlacementCount> Placements { get; private set; } = [];
    public List<(Matching.ProposalStatus Status, int Count)> Proposals { get; private set; } = [];

    /// <summary>The contact being edited, by id (from the query string).</summary>
    [BindProperty(SupportsGet = true)] public int? Edit { get; set; }
    /// <summary>The contact form; bound by the handlers that read it, so that removing a contact reads nothing else.</summary>
    public ContactRequest Contact { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Edit is { } editing && Employer.Contacts.FirstOrDefault(c => c.Id == editing) is { } contact)
            Contact = new ContactRequest { Name = contact.Name, Role = contact.Role, Phone = contact.Phone, Email = contact.Email };
        return Page();
    }

    public Task<IActionResult> OnPostAddContactAsync(int id, [Bind(Prefix = nameof(Contact))] ContactRequest contact)
    {
        Contact = contact;
        return ChangeAsync(id, EmployerRules.Check(contact), () => work.AddContactAsync(id, contact, HttpContext.RequestAborted), "The contact person is added.");
    }

    public Task<IActionResult> OnPostEditContactAsync(int id, int contactId, [Bind(Prefix = nameof(Contact))] ContactRequest contact)
    {
        Contact = contact;
        Edit = contactId;
        return ChangeAsync(id, EmployerRules.Check(contact), () => work.EditContactAsync(id, contactId, contact, HttpContext.RequestAborted), "The contact person is saved.");
    }

    public Task<IActionResult> OnPostRemoveContactAsync(int id, int contactId) =>
        ChangeAsync(id, new FieldErrors(), () => work.RemoveContactAsync(id, contactId, HttpContext.RequestAborted), "The contact person is removed.");

    private async Task<IActionResult> ChangeAsync(int id, FieldErrors problems, Func<Task<EmployerOutcome>> change, string done)
    {
        if (!User.Holds(Permission.ManageEmployers)) return Forbid();
        // A value the binder could not read is never stored as something else: every problem is shown, nothing changed.
        ModelState.AddErrors(problems, texts, nameof(Contact), keepUnread: true);
        if (!ModelState.IsValid) return await LoadAsync(id) ? Page() : NotFound();
        switch (await change())
        {
            case EmployerOutcome.Done:
                TempData["Message"] = texts[done];
                return RedirectToPage(new { id, edit = (int?)null });
            case EmployerOutcome.Invalid invalid:
                ModelState.AddErrors(invalid.Errors, texts, nameof(Contact), keepUnread: true);
                return await LoadAsync(id) ? Page() : NotFound();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(int id)
    {
        var ct = HttpContext.RequestAborted;
        if (await work.FindAsync(id, ct) is not { } employer) return false;
        Employer = employer;
        Vacancies = await vacancies.ListAsync(new VacancyFilter(EmployerId: id), ct);
        Placements = await work.PlacementCountsAsync(employer.OrganisationNumber, ct);
        Proposals = await work.ProposalCountsAsync(id, ct);
        return true;
    }
}
