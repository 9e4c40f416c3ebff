# A tiny text adventure driven by input() commands.
rooms = {
    "hall": {"desc": "a dusty hall", "exits": {"north": "library", "east": "kitchen"}, "items": ["lamp"]},
    "library": {"desc": "a quiet library full of books", "exits": {"south": "hall"}, "items": ["key", "book"]},
    "kitchen": {"desc": "a kitchen smelling of bread", "exits": {"west": "hall", "down": "cellar"}, "items": []},
    "cellar": {"desc": "a dark cellar with a locked chest", "exits": {"up": "kitchen"}, "items": []},
}
location = "hall"
inventory = []
moves = 0
print("Welcome! Type 'help' for commands.")
while True:
    room = rooms[location]
    print(f"\nYou are in {room['desc']}.")
    if room["items"]:
        print("You see:", ", ".join(room["items"]))
    print("Exits:", " ".join(sorted(room["exits"])))
    command = input("> ").strip().lower()
    moves += 1
    words = command.split()
    if not words:
        print("Say something.")
        continue
    verb = words[0]
    noun = words[1] if len(words) > 1 else ""
    if verb == "help":
        print("go DIR, take ITEM, drop ITEM, inventory, open, quit")
    elif verb == "go":
        if noun in room["exits"]:
            location = room["exits"][noun]
        else:
            print("You can't go that way.")
    elif verb == "take":
        if noun in room["items"]:
            room["items"].remove(noun)
            inventory.append(noun)
            print("Taken:", noun)
        else:
            print("There is no", noun or "thing", "here.")
    elif verb == "drop" and noun in inventory:
        inventory.remove(noun)
        room["items"].append(noun)
        print("Dropped:", noun)
    elif verb == "inventory":
        print("You carry:", inventory if inventory else "nothing")
    elif verb == "open":
        if location == "cellar" and "key" in inventory:
            print("The chest opens. You found the treasure!")
            break
        print("Nothing to open, or you lack the key.")
    elif verb == "quit":
        print("Bye.")
        break
    else:
        print(f"I don't understand '{command}'.")
print(f"Game over after {moves} moves. Inventory: {sorted(inventory)}")
