using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Controls.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ManagementReviewRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "management_review_id",
                table: "corrective_actions",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "management_reviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    period_start = table.Column<DateOnly>(type: "date", nullable: false),
                    period_end = table.Column<DateOnly>(type: "date", nullable: false),
                    chair = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    attendees = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    complaints = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    changes_in_circumstances = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    other_inputs = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    conclusion = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_management_reviews", x => x.id);
                    table.ForeignKey(
                        name: "fk_management_reviews_users_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "management_review_outputs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    management_review_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    corrective_action_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_management_review_outputs", x => x.id);
                    table.ForeignKey(
                        name: "fk_management_review_outputs_corrective_actions_corrective_act~",
                        column: x => x.corrective_action_id,
                        principalTable: "corrective_actions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_management_review_outputs_management_reviews_management_rev~",
                        column: x => x.management_review_id,
                        principalTable: "management_reviews",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_management_review_outputs_users_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_corrective_actions_management_review_id",
                table: "corrective_actions",
                column: "management_review_id");

            migrationBuilder.CreateIndex(
                name: "ix_management_review_outputs_corrective_action_id",
                table: "management_review_outputs",
                column: "corrective_action_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_management_review_outputs_created_by_id",
                table: "management_review_outputs",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_management_review_outputs_management_review_id_number",
                table: "management_review_outputs",
                columns: new[] { "management_review_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_management_reviews_created_by_id",
                table: "management_reviews",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_management_reviews_held_on",
                table: "management_reviews",
                column: "held_on");

            migrationBuilder.AddForeignKey(
                name: "fk_corrective_actions_management_reviews_management_review_id",
                table: "corrective_actions",
                column: "management_review_id",
                principalTable: "management_reviews",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_corrective_actions_management_reviews_management_review_id",
                table: "corrective_actions");

            migrationBuilder.DropTable(
                name: "management_review_outputs");

            migrationBuilder.DropTable(
                name: "management_reviews");

            migrationBuilder.DropIndex(
                name: "ix_corrective_actions_management_review_id",
                table: "corrective_actions");

            migrationBuilder.DropColumn(
                name: "management_review_id",
                table: "corrective_actions");
        }
    }
}
