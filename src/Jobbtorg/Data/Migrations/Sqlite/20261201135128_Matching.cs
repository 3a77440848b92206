using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jobbtorg.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Matching : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PlacesHeld",
                table: "Vacancy",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "EmployerId",
                table: "Placements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "VacancyId",
                table: "Placements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MatchingHelpRequest",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AskedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AskedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TakenBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    TakenById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    TakenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DoneAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchingHelpRequest", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatchingHelpRequest_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Proposal",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VacancyId = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProposedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PresentedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    InterviewOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OutcomeOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NotSelectedReason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    OutcomeNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PlacementId = table.Column<int>(type: "INTEGER", nullable: true),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ProposedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Proposal", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Proposal_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Proposal_Vacancy_VacancyId",
                        column: x => x.VacancyId,
                        principalTable: "Vacancy",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.AddCheckConstraint(
                name: "CK_Vacancies_PlacesHeld",
                table: "Vacancy",
                sql: "\"PlacesHeld\" >= 0 AND \"PlacesHeld\" <= \"Places\"");

            migrationBuilder.CreateIndex(
                name: "IX_Placements_EmployerId",
                table: "Placements",
                column: "EmployerId");

            migrationBuilder.CreateIndex(
                name: "IX_Placements_VacancyId",
                table: "Placements",
                column: "VacancyId");

            migrationBuilder.CreateIndex(
                name: "IX_MatchingHelpRequest_CaseId",
                table: "MatchingHelpRequest",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_MatchingHelpRequest_Status_CaseId",
                table: "MatchingHelpRequest",
                columns: new[] { "Status", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposal_CaseId_Status",
                table: "Proposal",
                columns: new[] { "CaseId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposal_ProposedById_Status",
                table: "Proposal",
                columns: new[] { "ProposedById", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposal_VacancyId_CaseId",
                table: "Proposal",
                columns: new[] { "VacancyId", "CaseId" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Placements_Employer_EmployerId",
                table: "Placements",
                column: "EmployerId",
                principalTable: "Employer",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Placements_Vacancy_VacancyId",
                table: "Placements",
                column: "VacancyId",
                principalTable: "Vacancy",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Placements_Employer_EmployerId",
                table: "Placements");

            migrationBuilder.DropForeignKey(
                name: "FK_Placements_Vacancy_VacancyId",
                table: "Placements");

            migrationBuilder.DropTable(
                name: "MatchingHelpRequest");

            migrationBuilder.DropTable(
                name: "Proposal");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Vacancies_PlacesHeld",
                table: "Vacancy");

            migrationBuilder.DropIndex(
                name: "IX_Placements_EmployerId",
                table: "Placements");

            migrationBuilder.DropIndex(
                name: "IX_Placements_VacancyId",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "PlacesHeld",
                table: "Vacancy");

            migrationBuilder.DropColumn(
                name: "EmployerId",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "VacancyId",
                table: "Placements");
        }
    }
}
